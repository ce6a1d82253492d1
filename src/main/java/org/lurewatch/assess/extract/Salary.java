package org.lurewatch.assess.extract;

/**
 * A pay amount found in a post.
 *
 * @param low          lower bound in the stated currency (equal to high for a single amount)
 * @param high         upper bound in the stated currency
 * @param currency     ISO 4217 code, stated or implied by the language
 * @param period       month, day, week, year or hour
 * @param usdPerMonth  the upper bound as US dollars per month
 * @param start        start of the span in the normalised text
 * @param end          end (exclusive) of the span in the normalised text
 */
public record Salary(double low, double high, String currency, String period, double usdPerMonth, int start, int end) {
}
