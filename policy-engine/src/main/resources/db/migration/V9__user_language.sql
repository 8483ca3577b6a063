-- The workbench language a user chose; null follows the browser's language.
alter table app_user add column language varchar(35);
