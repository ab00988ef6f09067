-- ISO 4217 currencies. minor_units is null where ISO defines none (SDR, gold); numeric_code and the
-- names may be null for a code that first appeared in a bank's file and is not in the reference data.
create table currency (
    code         varchar(3)   primary key check (code ~ '^[A-Z]{3}$'),
    numeric_code varchar(3)   check (numeric_code ~ '^[0-9]{3}$'),
    name_en      varchar(100),
    name_ru      varchar(100),
    minor_units  smallint     check (minor_units between 0 and 4)
);
