package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An ordinary unit test next to the perf test: it must run in Surefire, and only there. */
class PricesTests {

    private final Prices prices = new Prices(Map.of("apple", 30));

    @Test
    void knowsThePriceOfAnApple() {
        assertEquals(30, prices.priceOf("apple"));
    }

    @Test
    void rejectsAnItemWithoutPrice() {
        assertThrows(IllegalArgumentException.class, () -> prices.priceOf("plum"));
    }
}
