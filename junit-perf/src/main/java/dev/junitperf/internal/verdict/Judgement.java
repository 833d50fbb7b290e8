package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.Verdict;

/**
 * Hold the verdict on one run: the breaches and the objectives that could not be judged.
 *
 * @param verdict FAILED if anything was breached, else INCONCLUSIVE if anything could not be judged
 * @param breaches the breached objectives
 * @param inconclusive why objectives could not be judged
 */
@API(status = INTERNAL, since = "0.1")
public record Judgement(Verdict verdict, List<Breach> breaches, List<String> inconclusive) {

    public Judgement {
        breaches = List.copyOf(breaches);
        inconclusive = List.copyOf(inconclusive);
    }
}
