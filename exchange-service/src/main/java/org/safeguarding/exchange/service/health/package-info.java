/**
 * Whether the parts the exchange cannot work without answer: the database, Kafka and the schema registry, each
 * checked in the background so that {@code /actuator/health} answers at once, and says DOWN naming the part that
 * does not answer, within a check's time limit of it going away.
 */
package org.safeguarding.exchange.service.health;
