package org.childjourney.query.journey;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends a command to a journey in a unit of work of its own, also from inside a read's. Sent from a query handler, a
 * command's unit of work would be nested in the read's, and its events appended only when the read's ends, beyond
 * the reach of the command gateway's retry of an append that another process beat to the journey. On a thread of
 * its own, the command is decided, appended (and retried) before the read goes on; if the read then fails, what the
 * journey decided (a break-glass grant, a notice of a triage check) stays recorded, as the attempt it was.
 */
@Component
public class JourneyCommands {

    private final CommandGateway commands;
    private final ExecutorService own = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "journey-command");
        thread.setDaemon(true);
        return thread;
    });

    JourneyCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** The command's answer, once the journey has recorded what it decided. */
    public <R> R send(Object command) {
        if (!CurrentUnitOfWork.isStarted()) {
            return commands.sendAndWait(command);
        }
        try {
            return own.submit(() -> commands.<R>sendAndWait(command)).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
