package org.dreamdiary.client.model;

import org.dreamdiary.client.Tokens;

/** A new account and its first session, which the client is then signed in with. */
public record Registration(User user, Tokens tokens) {
}
