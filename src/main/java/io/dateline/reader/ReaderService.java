package io.dateline.reader;

import io.dateline.security.IssuedToken;
import io.dateline.security.Role;
import io.dateline.security.TokenService;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReaderService {

    private final ReaderRepository readers;

    private final TokenService tokens;

    private final Clock clock;

    ReaderService(ReaderRepository readers, TokenService tokens, Clock clock) {
        this.readers = readers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates a reader and its READER token in one transaction: neither exists without the other. */
    @Transactional
    public ReaderRegistration register() {
        Reader reader = readers.save(new Reader(clock.instant()));
        IssuedToken token =
                tokens.issue("reader", Role.READER, null, reader.id().toString());
        return new ReaderRegistration(reader.id(), token.token());
    }

    public record ReaderRegistration(UUID readerId, String token) {}
}
