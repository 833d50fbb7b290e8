package dev.agentruntime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartBudgetTests {

    @Test
    void allowsMaxRestartsWithinTheWindowThenRefuses() {
        RestartBudget budget = new RestartBudget(100);

        assertThat(budget.tryRestart(0, 3)).isEqualTo(1);
        assertThat(budget.tryRestart(10, 3)).isEqualTo(2);
        assertThat(budget.tryRestart(20, 3)).isEqualTo(3);
        assertThat(budget.tryRestart(30, 3)).isEqualTo(-1);
    }

    @Test
    void forgetsRestartsOlderThanTheWindow() {
        RestartBudget budget = new RestartBudget(100);
        budget.tryRestart(0, 2);
        budget.tryRestart(50, 2);

        assertThat(budget.tryRestart(120, 2)).isEqualTo(2);
        assertThat(budget.tryRestart(130, 2)).isEqualTo(-1);
    }

    @Test
    void growsForLargeBudgetsAndKeepsOrder() {
        RestartBudget budget = new RestartBudget(1_000);
        for (int i = 0; i < 20; i++) {
            assertThat(budget.tryRestart(i, 1_000_000)).isEqualTo(i + 1);
        }
        assertThat(budget.tryRestart(1_005, 1_000_000)).isEqualTo(16);
    }

    @Test
    void aZeroBudgetNeverRestarts() {
        assertThat(new RestartBudget(100).tryRestart(0, 0)).isEqualTo(-1);
    }
}
