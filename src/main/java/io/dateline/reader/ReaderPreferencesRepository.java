package io.dateline.reader;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReaderPreferencesRepository extends JpaRepository<ReaderPreferences, String> {

    /**
     * Makes sure the caller's row exists without failing when a concurrent first save creates it
     * at the same moment (a plain insert would end one of them in a unique violation).
     */
    @Modifying
    @Query(value = """
            insert into reader_preferences (owner, filter_enabled, languages, updated_at)
            values (:owner, false, '{}', :at)
            on conflict (owner) do nothing""", nativeQuery = true)
    void createIfAbsent(@Param("owner") String owner, @Param("at") Instant at);

    /** The row locked until the end of the transaction: saves of one caller run one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ReaderPreferences p where p.owner = :owner")
    Optional<ReaderPreferences> findForUpdate(@Param("owner") String owner);
}
