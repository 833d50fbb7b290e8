package dev.agentruntime.slo.rulefixture;

import java.util.concurrent.TimeUnit;

/**
 * Sleeps both ways, so NoSleepRuleTests can show its rule fails for the right reason. Never run; its
 * package is left out of the rule's scan of the real tests.
 */
public final class Sleeper {

    private Sleeper() {
    }

    static void threadSleep() throws InterruptedException {
        Thread.sleep(1);
    }

    static void timeUnitSleep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1);
    }
}
