package io.dateline.syndication;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<Partner, Long> {

    @Query("select p from Partner p order by lower(p.name), p.id")
    List<Partner> findAllByName();

    @Query("select p.id from Partner p where p.feedUrl is not null order by p.id")
    List<Long> findIdsWithFeed();

    /**
     * Records an import's outcome without touching the version: an import is not an editorial
     * change and must not make an editor's concurrent edit fail.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Partner p
               set p.lastImportAt = ?2, p.lastImportStatus = ?3, p.lastImportError = ?4, p.lastImportAdded = ?5
             where p.id = ?1""")
    int recordImport(long id, Instant at, String status, String error, int added);
}
