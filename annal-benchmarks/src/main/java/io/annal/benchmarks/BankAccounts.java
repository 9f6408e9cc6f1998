package io.annal.benchmarks;

import io.annal.command.CommandHandler;
import io.annal.command.CommandHandlerBuilder;
import io.annal.command.StateSerializer;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountDecider;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.process.CodecMapper;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The bank's account handler as the command-side drivers wire it, and a snapshot format for its state. */
final class BankAccounts {

    private BankAccounts() {}

    static StreamName stream(String accountId) {
        return StreamName.of("account-" + accountId);
    }

    static CodecMapper<AccountEvent> mapper() {
        return CodecMapper.of(BankCodecs.accounts());
    }

    static CommandHandlerBuilder<AccountCommand, AccountEvent, AccountState> handler(EventStore store) {
        return CommandHandler.builder(
                AccountDecider.create(), store, mapper(), (AccountCommand c) -> stream(c.accountId()));
    }

    /** A compact binary form of an account: a tag, then the fields of that state. */
    static final class Serializer implements StateSerializer<AccountState> {

        @Override
        public byte[] serialize(AccountState state) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                switch (state) {
                    case AccountState.Unopened u -> out.writeByte(0);
                    case AccountState.Open open -> {
                        out.writeByte(1);
                        out.writeUTF(open.accountId());
                        out.writeUTF(open.owner());
                        out.writeLong(open.balance());
                    }
                    case AccountState.Closed closed -> {
                        out.writeByte(2);
                        out.writeUTF(closed.accountId());
                        out.writeUTF(closed.owner());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public AccountState deserialize(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                return switch (in.readByte()) {
                    case 0 -> new AccountState.Unopened();
                    case 1 -> new AccountState.Open(in.readUTF(), in.readUTF(), in.readLong());
                    case 2 -> new AccountState.Closed(in.readUTF(), in.readUTF());
                    default -> throw new IllegalArgumentException("unknown account state tag");
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
