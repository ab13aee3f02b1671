// Signing in on a local SQLite file: the manager password and the trainees' PINs, each kept as an
// argon2id hash through libsodium (crypto_pwhash_str, interactive limits: ~0.1 s and 64 MiB per
// check, which is what makes guessing expensive).
#include <algorithm>
#include <sodium.h>
#include "sqlite_store.hpp"

namespace frontline {
namespace {

void requireSodium() {
    if (sodium_init() < 0) throw StoreError(StoreError::Kind::Other, "the password library cannot start");
}

std::string argon2idHash(const std::string& secret) {
    requireSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreError::Kind::Other, "not enough memory to protect the password");
    return hash;
}

bool matchesHash(const std::string& hash, const std::string& secret) {
    requireSodium();
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

// SQLite's clock, as nowUtcIso() writes it, `seconds` from now.
constexpr const char* kIsoIn = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?1 || ' seconds')";

}  // namespace

bool SqliteStore::managerPasswordSet() const {
    sql::Statement q(db_.get(), "SELECT 1 FROM manager_password WHERE id = 1");
    return q.step();
}

void SqliteStore::setManagerPassword(const std::string& password) {
    if (password.size() < 8) throw StoreError(StoreError::Kind::Constraint, "a manager password needs at least 8 characters");
    const std::string hash = argon2idHash(password);
    sql::Transaction tx(db_.get());
    const bool had = managerPasswordSet();
    sql::Statement upsert(db_.get(),
                          "INSERT INTO manager_password (id, hash, set_at) VALUES (1, ?1, ?2)"
                          " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at");
    upsert.bind(1, hash).bind(2, nowUtcIso());
    upsert.run();
    audit("manager.password", "manager password", had ? "set" : "", had ? "changed" : "set");
    tx.commit();
}

bool SqliteStore::checkManagerPassword(const std::string& password) const {
    sql::Statement q(db_.get(), "SELECT hash FROM manager_password WHERE id = 1");
    if (!q.step()) return false;
    return matchesHash(q.text(0), password);
}

// ---- trainee PINs ----

bool SqliteStore::traineePinSet(std::int64_t trainee_id) const {
    sql::Statement q(db_.get(), "SELECT 1 FROM trainee_pins WHERE trainee_id = ?1");
    q.bind(1, trainee_id);
    return q.step();
}

std::string SqliteStore::traineeNameForAudit(std::int64_t trainee_id) const {
    const auto t = trainee(trainee_id);
    if (!t) throw StoreError(StoreError::Kind::Other, "there is no such trainee");
    return t->name;
}

void SqliteStore::setTraineePin(std::int64_t trainee_id, const std::string& pin, int min_digits) {
    const int least = std::clamp(min_digits, 1, kPinMaxDigits);
    const bool digits_only = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits_only || pin.size() < static_cast<std::size_t>(least) || pin.size() > static_cast<std::size_t>(kPinMaxDigits))
        throw StoreError(StoreError::Kind::Constraint, "a PIN is " + std::to_string(least) + " to " + std::to_string(kPinMaxDigits) +
                                                           " digits, nothing else");
    const std::string hash = argon2idHash(pin);
    sql::Transaction tx(db_.get());
    const std::string name = traineeNameForAudit(trainee_id);
    if (traineePinSet(trainee_id))
        throw StoreError(StoreError::Kind::Constraint, name + " has a PIN already: a manager can reset it");
    sql::Statement insert(db_.get(), "INSERT INTO trainee_pins (trainee_id, hash, set_at) VALUES (?1, ?2, ?3)");
    insert.bind(1, trainee_id).bind(2, hash).bind(3, nowUtcIso());
    insert.run();
    audit("trainee.pin", name, "", "chosen");
    tx.commit();
}

PinCheck SqliteStore::checkTraineePin(std::int64_t trainee_id, const std::string& pin) {
    sql::Statement q(db_.get(),
                     "SELECT hash, failures, paused_until, paused_until > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                     " FROM trainee_pins WHERE trainee_id = ?1");
    q.bind(1, trainee_id);
    if (!q.step()) return {PinOutcome::NotSet, 0, {}};
    const int failures = q.integer(1);
    if (q.integer(3) == 1) return {PinOutcome::Paused, failures, q.text(2)};
    const bool right = matchesHash(q.text(0), pin);
    if (right && failures == 0) return {PinOutcome::Right, 0, {}};
    // Counted in the same file as the hash: a failure that cannot be written fails the check.
    const int now_failures = right ? 0 : failures + 1;
    const int pause = now_failures >= kPinFreeTries ? kPinPauseSeconds : 0;
    sql::Statement update(db_.get(),
                          std::string("UPDATE trainee_pins SET failures = ?2, paused_until = CASE WHEN ?1 > 0 THEN ") + kIsoIn +
                              " ELSE '' END WHERE trainee_id = ?3 RETURNING paused_until");
    update.bind(1, pause).bind(2, now_failures).bind(3, trainee_id);
    const std::string until = update.step() ? update.text(0) : "";
    while (update.step()) {
    }  // done: the write is complete before the answer is given
    return {right ? PinOutcome::Right : PinOutcome::Wrong, now_failures, until};
}

void SqliteStore::resetTraineePin(std::int64_t trainee_id) {
    sql::Transaction tx(db_.get());
    const std::string name = traineeNameForAudit(trainee_id);
    sql::Statement erase(db_.get(), "DELETE FROM trainee_pins WHERE trainee_id = ?1");
    erase.bind(1, trainee_id);
    erase.run();
    if (sqlite3_changes(db_.get()) > 0) audit("trainee.pin", name, "set", "reset: chosen again at the next sign-in");
    tx.commit();
}

}  // namespace frontline
