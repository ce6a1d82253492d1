/**
 * The contracts of the topics other systems read: each boundary topic's name, serdes and JSON Schema in one place
 * ({@link org.lurewatch.contract.BoundaryTopics}); the schemas themselves are under {@code topology/schemas/}.
 */
package org.lurewatch.contract;
