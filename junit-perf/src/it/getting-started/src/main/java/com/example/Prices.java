package com.example;

import java.util.Map;

/** The code under test: a price list. */
public final class Prices {

    private final Map<String, Integer> cents;

    public Prices(Map<String, Integer> cents) {
        this.cents = Map.copyOf(cents);
    }

    public int priceOf(String item) {
        Integer price = cents.get(item);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + item);
        }
        return price;
    }
}
