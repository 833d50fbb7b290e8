package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An ordinary unit test: it runs in the default Surefire execution, and proves which JUnit this consumer runs on. */
class PricesTests {

    @Test
    void knowsThePriceOfAnApple() {
        assertEquals(30, new Prices(Map.of("apple", 30)).priceOf("apple"));
    }

    @Test
    void runsOnJUnit510() {
        String version = Test.class.getPackage().getImplementationVersion();
        assertTrue(version.startsWith("5.10."), () -> "junit-jupiter-api " + version);
    }
}
