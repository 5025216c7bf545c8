/**
 * The admin console's sessions: signing in with a cloud's key and secret (the Admin API's lock-out applies), sessions
 * any node can serve, their idle and absolute timeouts. The pages themselves live in the api module.
 */
package io.darkroom.application.console;
