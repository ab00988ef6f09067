/**
 * Who may do what. The service issues its own bearer tokens (random, shown once, stored as a hash,
 * revocable, optionally expiring) in three roles, READER (a mobile app install), EDITOR and ADMIN,
 * and can also accept JWTs from an organisation's identity provider. Reads of published content
 * stay anonymous.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.dateline.security;
