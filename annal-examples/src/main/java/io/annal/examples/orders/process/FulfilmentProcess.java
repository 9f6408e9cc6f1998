package io.annal.examples.orders.process;

import static io.annal.process.ProcessAction.send;

import io.annal.domain.ProcessManager;
import io.annal.examples.orders.InventoryCommand.ReleaseStock;
import io.annal.examples.orders.InventoryCommand.ReserveStock;
import io.annal.examples.orders.OrderCommand.MarkReadyToShip;
import io.annal.examples.orders.OrderCommand.RejectOrder;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.process.FulfilmentState.Ending;
import io.annal.examples.orders.process.FulfilmentState.Idle;
import io.annal.examples.orders.process.FulfilmentState.Reserving;
import io.annal.examples.process.Transition;
import io.annal.process.ProcessAction;
import io.annal.process.ProcessInput;
import io.annal.process.ProcessInput.CommandAccepted;
import io.annal.process.ProcessInput.CommandRejected;
import io.annal.process.ProcessInput.Observed;
import java.util.ArrayList;
import java.util.List;

/**
 * Fulfils one confirmed order: reserves the stock of every line; when all are reserved it marks
 * the order ready to ship; when any reservation is refused it releases the ones that succeeded
 * and rejects the order with the refusals as the reason.
 */
public final class FulfilmentProcess
        implements ProcessManager<ProcessInput<FulfilmentRequested, Object>, FulfilmentState, ProcessAction<Object>> {

    private FulfilmentProcess() {}

    public static FulfilmentProcess create() {
        return new FulfilmentProcess();
    }

    @Override
    public FulfilmentState initialState() {
        return FulfilmentState.initial();
    }

    @Override
    public List<ProcessAction<Object>> react(ProcessInput<FulfilmentRequested, Object> input, FulfilmentState state) {
        return step(state, input).actions();
    }

    @Override
    public FulfilmentState evolve(FulfilmentState state, ProcessInput<FulfilmentRequested, Object> input) {
        return step(state, input).next();
    }

    @Override
    public boolean isTerminal(FulfilmentState state) {
        return state instanceof Ending ending && ending.recorded();
    }

    Transition<FulfilmentState, Object> step(FulfilmentState state, ProcessInput<FulfilmentRequested, Object> input) {
        return switch (state) {
            case Idle idle
            when input instanceof Observed<FulfilmentRequested, Object>(var requested) -> reserve(requested);
            case Idle idle -> Transition.to(idle);
            case Reserving reserving -> reserving(reserving, input);
            case Ending ending
            when input instanceof CommandAccepted<FulfilmentRequested, Object>(var command) && isOutcome(command) ->
                Transition.to(new Ending(ending.orderId(), ending.rejected(), true));
            case Ending ending
            when input instanceof CommandRejected<FulfilmentRequested, Object>(var command, var why)
                    && isOutcome(command) -> Transition.to(new Ending(ending.orderId(), ending.rejected(), true));
            case Ending ending -> Transition.to(ending);
        };
    }

    private static Transition<FulfilmentState, Object> reserve(FulfilmentRequested requested) {
        Reserving reserving = new Reserving(requested.orderId(), requested.lines(), List.of(), List.of());
        if (requested.lines().isEmpty()) {
            return finish(reserving);
        }
        List<ProcessAction<Object>> reservations = new ArrayList<>();
        for (OrderLine line : requested.lines()) {
            reservations.add(send(new ReserveStock(line.productId(), requested.orderId(), line.quantity())));
        }
        return new Transition<>(reserving, reservations);
    }

    private static Transition<FulfilmentState, Object> reserving(
            Reserving state, ProcessInput<FulfilmentRequested, Object> input) {
        Reserving next = switch (input) {
            case CommandAccepted<FulfilmentRequested, Object>(ReserveStock reserve) ->
                state.withReserved(reserve.productId());
            case CommandRejected<FulfilmentRequested, Object>(ReserveStock reserve, var rejection) ->
                state.withRefusal(rejection.message());
            default -> state;
        };
        return next.allAnswered() ? finish(next) : Transition.to(next);
    }

    private static Transition<FulfilmentState, Object> finish(Reserving state) {
        if (state.refusals().isEmpty()) {
            return Transition.to(new Ending(state.orderId(), false, false), send(new MarkReadyToShip(state.orderId())));
        }
        List<ProcessAction<Object>> undo = new ArrayList<>();
        for (String productId : state.reserved()) {
            undo.add(send(new ReleaseStock(productId, state.orderId())));
        }
        undo.add(send(new RejectOrder(state.orderId(), String.join("; ", state.refusals()))));
        return new Transition<>(new Ending(state.orderId(), true, false), undo);
    }

    private static boolean isOutcome(Object command) {
        return command instanceof MarkReadyToShip || command instanceof RejectOrder;
    }
}
