package io.dateline.reader;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReaderRepository extends JpaRepository<Reader, UUID> {}
