package org.dreamdiary.domain.error;

/** Content of a kind the service does not take (an upload that is none of the accepted file formats). */
public class UnsupportedContentException extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnsupportedContentException(String message) {
        super(message);
    }
}
