package dev.agentruntime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import dev.agentruntime.AgentRef;

/** Carry one message and its sender through an {@link MpscMailboxTask}; the sender may be null. */
final class MailNode {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(MailNode.class, "next", MailNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through NEXT
    private MailNode next;
    Object message;
    AgentRef sender;

    MailNode(Object message, AgentRef sender) {
        this.message = message;
        this.sender = sender;
    }

    MailNode next() {
        return (MailNode) NEXT.getAcquire(this);
    }

    void linkNext(MailNode node) {
        NEXT.setRelease(this, node);
    }
}
