package dev.agentruntime.internal;

import dev.agentruntime.Agent;
import dev.agentruntime.AgentEvent;
import dev.agentruntime.SupervisionStrategy;

/** Apply an agent's {@link SupervisionStrategy} to a failure, on the agent's own thread. */
final class Supervision {

    private Supervision() {
    }

    static void onFailure(AgentCell cell, Object message, Throwable failure) {
        CellRuntime runtime = cell.runtime();
        runtime.events().publish(new AgentEvent.AgentFailed(cell.id(), message, failure));
        SupervisionStrategy strategy = cell.spec().supervision();
        switch (strategy.directive()) {
            case RESTART -> restartOrStop(cell, strategy, failure);
            case STOP -> cell.stopNow("failed: " + failure);
            case ESCALATE -> escalate(cell, failure);
        }
    }

    private static void restartOrStop(AgentCell cell, SupervisionStrategy strategy, Throwable failure) {
        CellFamily family = cell.family();
        if (family.restarts == null) {
            family.restarts = new RestartBudget(strategy.window().toNanos());
        }
        int count = family.restarts.tryRestart(System.nanoTime(), strategy.maxRestarts());
        if (count < 0) {
            cell.stopNow("more than " + strategy.maxRestarts() + " restarts within " + strategy.window() + "; last failure: " + failure);
            return;
        }
        try {
            Agent fresh = cell.spec().factory().get();
            if (fresh == null) {
                throw new NullPointerException("the agent factory returned null");
            }
            cell.replaceAgent(fresh);
            fresh.onRestarted(cell, failure);
        } catch (Throwable restartFailure) {
            cell.runtime().events().publish(new AgentEvent.AgentFailed(cell.id(), "onRestarted", restartFailure));
            cell.stopNow("restart failed: " + restartFailure);
            return;
        }
        cell.runtime().events().publish(new AgentEvent.AgentRestarted(cell.id(), count));
    }

    private static void escalate(AgentCell cell, Throwable failure) {
        AgentCell parent = cell.parent();
        cell.stopNow("failure escalated: " + failure);
        if (parent != null) {
            parent.signal(SystemSignal.Kind.CHILD_FAILED, failure);
        }
    }
}
