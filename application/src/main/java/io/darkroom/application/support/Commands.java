package io.darkroom.application.support;

import io.darkroom.domain.resource.ResourceNotFoundException;
import io.darkroom.domain.transformation.TransformationExistsException;
import io.darkroom.domain.transformation.TransformationNotFoundException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Sends commands and turns what the domain says into what the API shows: a missing aggregate
 * is a 404, a lost optimistic-concurrency race (or a lost race to create an aggregate) is retried (another node, or another transaction,
 * appended first) and only after {@value #ATTEMPTS} losses becomes a 409.
 */
public class Commands {
    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final TransactionManager transactions;

    public Commands(CommandGateway gateway, TransactionManager transactions) {
        this.gateway = gateway;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work}, which sends commands and may use the database, as one unit of work in one
     * transaction. The commands' own units nest in it, so all their events are appended as one JDBC
     * batch and handed to the projections together when it commits (which batch their inserts),
     * and an aggregate two commands touch is loaded once. Anything thrown rolls all of it back.
     */
    public <R> R inOneUnit(Supplier<R> work) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
        ResultMessage<R> result = unit.executeWithResult(work::get);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    /** Sends once; the handler's result. */
    @SuppressWarnings("unchecked")
    public <R> R send(Object command) {
        try {
            return (R) gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Sends once on behalf of a request made earlier ({@code metadata}: its actor, request id and client address), for
     * work that goes on after the request answered.
     */
    public <R> R sendAs(Object command, java.util.Map<String, String> metadata) {
        return send(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    /** Runs {@code work} (which sends commands, maybe inside a transaction) again when it lost a race. */
    public <R> R retrying(Supplier<R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyException | org.axonframework.modelling.command.AggregateStreamCreationException e) {
                // a creation race (two nodes or requests creating one aggregate id, such as a transformation's first use)
                // is a lost race too: the retry finds the aggregate and takes the other path
                if (attempt == ATTEMPTS) {
                    throw new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS,
                            "The resource is being changed by other requests; try again");
                }
                backOff(attempt);
            }
        }
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof ResourceNotFoundException missing) {
            return DarkroomException.notFound(missing.getMessage());
        }
        if (cause instanceof TransformationNotFoundException missing) {
            return DarkroomException.notFound(missing.getMessage());
        }
        if (cause instanceof TransformationExistsException exists) {
            return new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, exists.getMessage());
        }
        if (cause instanceof io.darkroom.domain.preset.UploadPresetNotFoundException missing) {
            return DarkroomException.notFound(missing.getMessage());
        }
        if (cause instanceof io.darkroom.domain.preset.UploadPresetExistsException exists) {
            return new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, exists.getMessage());
        }
        if (cause instanceof io.darkroom.domain.optimizer.OptimizerNotFoundException missing) {
            return DarkroomException.notFound(missing.getMessage());
        }
        if (cause instanceof io.darkroom.domain.optimizer.OptimizerConflictException conflict) {
            return new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, conflict.getMessage());
        }
        if (cause instanceof io.darkroom.domain.optimizer.ReadOnlyMappingFunctionException readOnly) {
            return new DarkroomException(DarkroomException.Kind.NOT_ALLOWED, readOnly.getMessage());
        }
        if (cause instanceof io.darkroom.domain.folder.FolderRenameRunningException running) {
            return new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, running.getMessage());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
