/**
 * The console for hotline analysts: their hotline's alerts (distress first), campaigns, posts with their evidence,
 * search by contact, verdicts, the watchlist and case export, behind the login of {@link org.lurewatch.access}.
 *
 * <p>{@link org.lurewatch.console.ConsoleReadModel} is the read side: every instance reads the hotline alert topics,
 * the hotlines' verdict topics, the watchlist and the console's read marks from the beginning, so every instance can
 * answer every request with no call to another. {@link org.lurewatch.console.ConsoleModule} is the web side, a
 * {@link org.lurewatch.web.WebModule} under {@code /console}.
 */
package org.lurewatch.console;
