// The manager password of a local SQLite file: argon2id through libsodium (crypto_pwhash_str,
// interactive limits: ~0.1 s and 64 MiB per check, which is what makes guessing expensive).
#include <sodium.h>
#include "sqlite_store.hpp"

namespace frontline {
namespace {

void requireSodium() {
    if (sodium_init() < 0) throw StoreError(StoreError::Kind::Other, "the password library cannot start");
}

}  // namespace

bool SqliteStore::managerPasswordSet() const {
    sql::Statement q(db_.get(), "SELECT 1 FROM manager_password WHERE id = 1");
    return q.step();
}

void SqliteStore::setManagerPassword(const std::string& password) {
    if (password.size() < 8) throw StoreError(StoreError::Kind::Constraint, "a manager password needs at least 8 characters");
    requireSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreError::Kind::Other, "not enough memory to protect the password");
    sql::Transaction tx(db_.get());
    const bool had = managerPasswordSet();
    sql::Statement upsert(db_.get(),
                          "INSERT INTO manager_password (id, hash, set_at) VALUES (1, ?1, ?2)"
                          " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at");
    upsert.bind(1, std::string(hash)).bind(2, nowUtcIso());
    upsert.run();
    audit("manager.password", "manager password", had ? "set" : "", had ? "changed" : "set");
    tx.commit();
}

bool SqliteStore::checkManagerPassword(const std::string& password) const {
    sql::Statement q(db_.get(), "SELECT hash FROM manager_password WHERE id = 1");
    if (!q.step()) return false;
    requireSodium();
    const std::string hash = q.text(0);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace frontline
