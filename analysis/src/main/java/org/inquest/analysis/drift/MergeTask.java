package org.inquest.analysis.drift;

/** One numerical feature's sorted merge to run: its column, both sample sizes and the rows to sort. */
record MergeTask(String column, long n, long m, SortedMerge.Source source) {
}
