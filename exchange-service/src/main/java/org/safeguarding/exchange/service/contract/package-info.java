/**
 * The exchange contract's fixed names (topics, headers) shared by intake, delivery and audit: a shared kernel
 * with no behaviour of its own.
 */
package org.safeguarding.exchange.service.contract;
