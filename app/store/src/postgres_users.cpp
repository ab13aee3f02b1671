// PostgreSQL backend: the agents' own logins (frontline team add-user).
#include <memory>
#include "postgres_store.hpp"

namespace frontline {
namespace {

std::string escaped(PGconn* c, const std::string& text, bool identifier) {
    std::unique_ptr<char, void (*)(void*)> out(identifier ? PQescapeIdentifier(c, text.c_str(), text.size())
                                                          : PQescapeLiteral(c, text.c_str(), text.size()),
                                               PQfreemem);
    if (!out) throw StoreError(StoreError::Kind::Constraint, "'" + text + "' cannot be used here");
    return out.get();
}

}  // namespace

void PostgresStore::addUser(const NewUser& user) {
    PGconn* c = conn_.get();
    if (user.login.empty()) throw StoreError(StoreError::Kind::Constraint, "a login needs a name");
    if (user.password.size() < 8) throw StoreError(StoreError::Kind::Constraint, "a password needs at least 8 characters");
    // Hashed here (SCRAM), so the password never reaches the server's logs or another session.
    std::unique_ptr<char, void (*)(void*)> hashed(
        PQencryptPasswordConn(c, user.password.c_str(), user.login.c_str(), "scram-sha-256"), PQfreemem);
    if (!hashed) throw StoreError(StoreError::Kind::Other, "cannot prepare the password (" + pg::unreachableWords(c) + ")");
    const std::string context = "cannot add the login '" + user.login + "'";
    pg::Transaction tx(c);
    pg::exec(c,
             "CREATE ROLE " + escaped(c, user.login, true) + " LOGIN " + (user.manager ? "CREATEROLE " : "") + "PASSWORD " +
                 escaped(c, hashed.get(), false) + " IN ROLE " + (user.manager ? "frontline_manager" : "frontline_trainee"),
             context);
    if (!user.name.empty())
        pg::run(c, "INSERT INTO trainees (name, team, created_at, login) VALUES ($1, $2, $3, $4)",
                pg::Params().add(user.name).add(user.team).add(nowUtcIso()).add(user.login), context);
    tx.commit();
}

}  // namespace frontline
