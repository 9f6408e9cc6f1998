package io.annal.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.examples.Envelope;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.testing.ViewFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankViewsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    /** Wraps events as the store would hand them over: versions from 0, one second apart. */
    private static List<Envelope<AccountEvent>> stream(AccountEvent... events) {
        List<Envelope<AccountEvent>> envelopes = new ArrayList<>();
        for (int version = 0; version < events.length; version++) {
            envelopes.add(Envelope.of(version, T0.plusSeconds(version), events[version]));
        }
        return envelopes;
    }

    @Test
    void the_balance_follows_deposits_and_withdrawals_with_the_stream_version() {
        ViewFixture.of(BalanceView.create())
                .given(stream(new AccountOpened("a-1", "Ada"), new Deposited(50), new Withdrew(20)))
                .then(new Balance("a-1", "Ada", 30, "open", 2));
    }

    @Test
    void a_closed_account_shows_status_closed() {
        ViewFixture.of(BalanceView.create())
                .given(stream(new AccountOpened("a-1", "Ada"), new AccountClosed()))
                .then(new Balance("a-1", "Ada", 0, "closed", 1));
    }

    @Test
    void before_any_event_there_is_no_balance() {
        assertThat(ViewFixture.of(BalanceView.create()).state().exists()).isFalse();
    }

    @Test
    void the_statement_lists_money_in_and_out_with_the_balance_after_each() {
        ViewFixture.of(StatementView.create())
                .given(stream(
                        new AccountOpened("a-1", "Ada"), new Deposited(50), new Withdrew(20), new AccountClosed()))
                .then(new Statement(
                        "a-1",
                        List.of(
                                new Statement.Entry(1, "Deposited", 50, 50, T0.plusSeconds(1)),
                                new Statement.Entry(2, "Withdrew", 20, 30, T0.plusSeconds(2)))));
    }

    @Test
    void a_completed_transfer_shows_status_completed() {
        ViewFixture.of(TransferView.create())
                .given(new TransferStarted("t-1", "a-1", "a-2", 30), new TransferDebited(), new TransferCompleted())
                .then(new TransferSummary("t-1", "completed", "a-1", "a-2", 30, Optional.empty()));
    }

    @Test
    void a_failed_transfer_shows_its_reason() {
        ViewFixture.of(TransferView.create())
                .given(new TransferStarted("t-1", "a-1", "a-2", 30), new TransferFailed("insufficient-funds"))
                .then(new TransferSummary("t-1", "failed", "a-1", "a-2", 30, Optional.of("insufficient-funds")));
    }

    @Test
    void a_started_transfer_is_pending() {
        ViewFixture.of(TransferView.create())
                .given(new TransferStarted("t-1", "a-1", "a-2", 30))
                .thenState(summary -> assertThat(summary.status()).isEqualTo("pending"));
    }
}
