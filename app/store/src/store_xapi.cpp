// SQLite: what records that leave Frontline need from the store (xAPI ids, accounts, what an LRS
// acknowledged). Schema 7 (migrations.cpp) adds the columns and the table.
#include "sqlite_store.hpp"

namespace frontline {

void SqliteStore::setTraineeAccount(std::int64_t trainee_id, const std::string& account) {
    if (account.empty()) throw StoreError(StoreError::Kind::Constraint, "an account id cannot be empty");
    sql::Transaction tx(db_.get());
    sql::Statement update(db_.get(), "UPDATE trainees SET account = ?2 WHERE id = ?1");
    update.bind(1, trainee_id).bind(2, account);
    try {
        update.run();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Constraint) throw;
        throw StoreError(StoreError::Kind::Constraint, "another trainee already has the account id '" + account + "'");
    }
    if (sqlite3_changes(db_.get()) == 0) throw StoreError(StoreError::Kind::Other, "no trainee #" + std::to_string(trainee_id));
    tx.commit();
}

std::map<std::int64_t, std::string> SqliteStore::statementIds(StatementRecord kind) const {
    sql::Statement q(db_.get(), kind == StatementRecord::Attempt ? "SELECT id, uuid FROM attempts"
                                                                  : "SELECT id, uuid FROM quiz_attempts");
    std::map<std::int64_t, std::string> ids;
    while (q.step()) ids.emplace(q.int64(0), q.text(1));
    return ids;
}

std::set<std::string> SqliteStore::acknowledgedStatements(const std::string& lrs) const {
    sql::Statement q(db_.get(), "SELECT statement_id FROM xapi_sent WHERE lrs = ?1");
    q.bind(1, lrs);
    std::set<std::string> ids;
    while (q.step()) ids.insert(q.text(0));
    return ids;
}

void SqliteStore::markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) {
    sql::Transaction tx(db_.get());
    sql::Statement insert(db_.get(), "INSERT OR IGNORE INTO xapi_sent (lrs, statement_id, sent_at) VALUES (?1, ?2, ?3)");
    const std::string now = nowUtcIso();
    for (const auto& id : statement_ids) {
        insert.bind(1, lrs).bind(2, id).bind(3, now);
        insert.run();
        insert.reset();
    }
    tx.commit();
}

}  // namespace frontline
