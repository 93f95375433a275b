package org.dreamdiary.domain.chat;

import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.UserId;

/**
 * What a user is to a chat, and what that allows. Outsiders learn nothing: to them a chat does not exist (404).
 * Members may read and post; owner-only operations answer them 403.
 */
public enum ChatRole {
    OUTSIDER, MEMBER, OWNER;

    /** Reading the chat, its members and messages, and posting. */
    public void requireMember() {
        if (this == OUTSIDER) {
            throw new NotFoundException("chat");
        }
    }

    /** Renaming or deleting the chat, adding members, removing others. */
    public void requireOwner() {
        requireMember();
        if (this != OWNER) {
            throw new ForbiddenException("only the chat's owner may do this");
        }
    }

    /** Removing {@code member}: the owner removes anyone but itself; a member removes only itself (leaves). */
    public void requireMayRemove(UserId caller, UserId member, UserId owner) {
        requireMember();
        if (this != OWNER && !member.equals(caller)) {
            throw new ForbiddenException("only the chat's owner may remove other members");
        }
        if (member.equals(owner)) {
            throw new ConflictException("the owner cannot leave the chat; delete it instead");
        }
    }

    /** Editing a message: its author only. */
    public void requireMayEdit(UserId caller, UserId author) {
        requireMember();
        if (!caller.equals(author)) {
            throw new ForbiddenException("only the author may edit a message");
        }
    }

    /** Deleting a message: its author, or the chat's owner. */
    public void requireMayDelete(UserId caller, UserId author) {
        requireMember();
        if (this != OWNER && !caller.equals(author)) {
            throw new ForbiddenException("only the author or the chat's owner may delete a message");
        }
    }
}
