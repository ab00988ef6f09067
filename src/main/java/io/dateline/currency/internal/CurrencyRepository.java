package io.dateline.currency.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CurrencyRepository extends JpaRepository<Currency, String> {}
