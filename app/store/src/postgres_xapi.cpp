// PostgreSQL: what records that leave Frontline need from the store (xAPI ids, accounts, what an
// LRS acknowledged). Schema 6 (postgres_schema.cpp) adds the column and the table.
#include "postgres_store.hpp"

namespace frontline {

void PostgresStore::setTraineeAccount(std::int64_t trainee_id, const std::string& account) {
    if (account.empty()) throw StoreError(StoreError::Kind::Constraint, "an account id cannot be empty");
    int changed = 0;
    try {
        changed = pg::run(conn_.get(), "UPDATE trainees SET account = $2 WHERE id = $1 RETURNING id",
                          pg::Params().add(trainee_id).add(account), "cannot change the account id")
                      .rows();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Constraint) throw;
        throw StoreError(StoreError::Kind::Constraint, "another trainee already has the account id '" + account + "'");
    }
    if (changed == 0) throw StoreError(StoreError::Kind::Other, "no trainee #" + std::to_string(trainee_id));
}

std::map<std::int64_t, std::string> PostgresStore::statementIds(StatementRecord kind) const {
    pg::Result r = pg::run(conn_.get(), kind == StatementRecord::Attempt ? "SELECT id, uuid::text AS uuid FROM attempts"
                                                                         : "SELECT id, uuid::text AS uuid FROM quiz_attempts");
    std::map<std::int64_t, std::string> ids;
    for (int i = 0; i < r.rows(); ++i) ids.emplace(r.int64(i, "id"), r.text(i, "uuid"));
    return ids;
}

std::set<std::string> PostgresStore::acknowledgedStatements(const std::string& lrs) const {
    pg::Result r = pg::run(conn_.get(), "SELECT statement_id::text AS id FROM xapi_sent WHERE lrs = $1", pg::Params().add(lrs));
    std::set<std::string> ids;
    for (int i = 0; i < r.rows(); ++i) ids.insert(r.text(i, "id"));
    return ids;
}

void PostgresStore::markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) {
    pg::Transaction tx(conn_.get());
    const std::string now = nowUtcIso();
    for (const auto& id : statement_ids)
        pg::run(conn_.get(), "INSERT INTO xapi_sent (lrs, statement_id, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                pg::Params().add(lrs).add(id).add(now), "cannot remember what the LRS acknowledged");
    tx.commit();
}

}  // namespace frontline
