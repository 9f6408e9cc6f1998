package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventType;
import io.annal.examples.bank.BankCodecs;
import io.annal.store.EventFilter;
import io.annal.store.StreamName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events that change no row are skipped by their stored type, before anything decodes them. */
class ProjectionTypesTest {

    @Test
    void the_statement_skips_closings_and_reads_every_other_account_event() {
        EventFilter filter = StatementReadModel.projection().filter();
        StreamName account = StreamName.of("account-a1");

        assertThat(filter.matches(account, "AccountClosed")).isFalse();
        assertThat(filter.matches(account, "Deposited")).isTrue();
        assertThat(names(BankCodecs.accounts().types())).containsAll(filter.types());
        assertThat(filter.types()).hasSize(BankCodecs.accounts().types().size() - 1);
    }

    @Test
    void transfers_skip_debits_and_read_every_other_transfer_event() {
        EventFilter filter = TransferReadModel.projection().filter();
        StreamName transfer = StreamName.of("transfer-t1");

        assertThat(filter.matches(transfer, "TransferDebited")).isFalse();
        assertThat(filter.matches(transfer, "TransferCompleted")).isTrue();
        assertThat(filter.matches(StreamName.of("account-a1"), "Deposited")).isFalse();
        assertThat(names(BankCodecs.transfers().types())).containsAll(filter.types());
        assertThat(filter.types()).hasSize(BankCodecs.transfers().types().size() - 1);
    }

    private static List<String> names(List<EventType> types) {
        return types.stream().map(EventType::name).toList();
    }
}
