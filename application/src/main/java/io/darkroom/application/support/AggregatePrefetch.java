package io.darkroom.application.support;

import java.util.Collection;

/**
 * Port: reads the events of many aggregates in one round trip, for the commands of the current
 * unit of work ({@link Commands#inOneUnit}) that are about to load them one by one. Loading
 * still checks nothing less: the events are read inside the same transaction, and an append
 * by anyone else since then still fails on the event table's (aggregate, sequence) key.
 */
public interface AggregatePrefetch {
    void prefetch(Collection<String> aggregateIds);
}
