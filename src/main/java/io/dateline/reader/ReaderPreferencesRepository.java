package io.dateline.reader;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReaderPreferencesRepository extends JpaRepository<ReaderPreferences, String> {}
