/** Benchmarks for issue #8: cold start, artifact size, retention planning, cleanup at scale. See BENCHMARKS.md. */
package dev.auroraguard.bench;
