package org.dreamdiary.archfixture.adapter.http.security;

import org.dreamdiary.archfixture.application.service.RecordDreamService;

/** Exists to be caught: a security adapter driving a use case. */
public final class SecurityCallsService {
    RecordDreamService service;
}
