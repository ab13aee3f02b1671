#pragma once
// Sending xAPI statements to a Learning Record Store: POST /statements in batches (xAPI 1.0.3,
// "Statement Resource"), with the X-Experience-API-Version header and HTTP basic auth. The store
// remembers, per LRS, every statement id the LRS acknowledged (a 2xx answer to its batch), so a
// rerun after a failure sends only the rest and nothing acknowledged is sent twice. A batch that
// fails (refused, unreachable, dropped) stops the run with a clear message; nothing is lost.
#include <functional>
#include <set>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/store.hpp"

namespace frontline::lrs {

struct Endpoint {
    std::string url;  // the LRS's xAPI endpoint ("https://lrs.example.com/xapi"); /statements is added
    std::string user;
    std::string password;
    int timeout_seconds = 60;
};

// What one POST came to: ok for a 2xx answer; else the HTTP status (0 when there was none: the
// connection failed or dropped) and a message in plain words.
struct PostResult {
    bool ok = false;
    long status = 0;
    std::string error;
};

// The statements URL of an endpoint ("…/xapi" -> "…/xapi/statements"; one ending in /statements is
// kept as it is).
std::string statementsUrl(const std::string& endpoint);
// The key the store remembers acknowledgements under: the statements URL.
std::string lrsKey(const Endpoint& endpoint);

// One POST of a JSON array of statements through libcurl. Never throws for network trouble.
PostResult postBatch(const Endpoint& endpoint, const std::vector<nlohmann::json>& batch);

struct SendReport {
    int total = 0;         // statements given
    int already = 0;       // acknowledged by this LRS in an earlier run: not sent again
    int sent = 0;          // acknowledged in this run
    int batches = 0;       // POSTs made, the failed one included
    std::string error;     // "" when everything was sent
};

using Poster = std::function<PostResult(const std::vector<nlohmann::json>& batch)>;

// Sends statements as they come (xapi::forEachStatement), skipping those the LRS acknowledged
// before and posting `batch_size` at a time; each acknowledged batch is recorded in the store
// before the next one goes. After the first failure nothing more is sent (the rest is counted).
class Sender {
public:
    Sender(Store& store, std::string lrs_key, int batch_size, Poster post);
    void add(nlohmann::json&& statement);
    SendReport finish();  // sends the last, partial batch

private:
    void flush();
    Store& store_;
    std::string key_;
    size_t batch_size_;
    Poster post_;
    std::set<std::string> acknowledged_;
    std::vector<nlohmann::json> batch_;
    SendReport report_;
};

// The same for statements already in hand.
SendReport send(Store& store, const std::string& lrs_key, const std::vector<nlohmann::json>& statements, int batch_size,
                const Poster& post);

}  // namespace frontline::lrs
