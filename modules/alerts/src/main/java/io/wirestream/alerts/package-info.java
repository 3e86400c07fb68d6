/** The alerts service: watch rules, triggers and suppression over enriched events, publishing {@code Alert}s. */
package io.wirestream.alerts;
