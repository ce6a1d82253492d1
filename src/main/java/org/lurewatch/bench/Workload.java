package org.lurewatch.bench;

import java.util.Map;

/** The posts a benchmark run feeds in: the i-th post as envelope JSON bytes, the same bytes every time it is asked. */
public interface Workload {
    /** {@code realistic} or {@code storm}. */
    String name();

    byte[] post(int i);

    /** What the mix is made of, for the results file. */
    Map<String, Object> describe();
}
