/**
 * Who may do what on Kafka: the ACLs derived from the agency directory ({@link AclPlan}), applied at start-up when
 * the service has a Kafka administrator's settings ({@code exchange.access.admin.*}) together with each agency's SCRAM
 * user, printed or applied for an external cluster by {@link KafkaAclsCommand}, and each agency's client settings
 * file ({@link AgencyClientSettings}).
 */
package org.safeguarding.exchange.service.access;
