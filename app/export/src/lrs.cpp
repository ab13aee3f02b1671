#include "frontline/lrs.hpp"
#include <algorithm>
#include <memory>
#include <mutex>
#include <curl/curl.h>

namespace frontline::lrs {
namespace {

struct CurlDeleter {
    void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
};
struct HeaderDeleter {
    void operator()(curl_slist* h) const noexcept { curl_slist_free_all(h); }
};

size_t keepBody(char* data, size_t size, size_t count, void* target) {
    auto* body = static_cast<std::string*>(target);
    if (body->size() < 4096) body->append(data, std::min<size_t>(size * count, 4096 - body->size()));
    return size * count;
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// The LRS's own words, kept short: its JSON "message" when it sent one, else the start of the body.
std::string lrsSays(const std::string& body) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("message") && j["message"].is_string()) return j["message"].get<std::string>();
    std::string text = body.substr(0, 200);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

}  // namespace

std::string statementsUrl(const std::string& endpoint) {
    const std::string url = trimSlash(endpoint);
    const std::string tail = "/statements";
    if (url.size() >= tail.size() && url.compare(url.size() - tail.size(), tail.size(), tail) == 0) return url;
    return url + tail;
}

std::string lrsKey(const Endpoint& endpoint) { return statementsUrl(endpoint.url); }

PostResult postBatch(const Endpoint& endpoint, const std::vector<nlohmann::json>& batch) {
    static std::once_flag global;
    std::call_once(global, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return {false, 0, "cannot start an HTTP request (libcurl)"};
    std::unique_ptr<curl_slist, HeaderDeleter> headers(curl_slist_append(nullptr, "Content-Type: application/json"));
    headers.reset(curl_slist_append(headers.release(), "X-Experience-API-Version: 1.0.3"));
    const std::string url = statementsUrl(endpoint.url);
    const std::string body = nlohmann::json(batch).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string answer;
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, endpoint.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, endpoint.password.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(endpoint.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: safe beside other threads
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keepBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return {false, 0, "cannot reach the LRS at " + url + ": " + curl_easy_strerror(rc)};
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return {true, status, ""};
    std::string why = "the LRS at " + url + " refused the batch (HTTP " + std::to_string(status) + ")";
    if (status == 401 || status == 403) why += ": check --user and the password";
    const std::string says = lrsSays(answer);
    if (!says.empty()) why += ": " + says;
    return {false, status, why};
}

Sender::Sender(Store& store, std::string lrs_key, int batch_size, Poster post)
    : store_(store), key_(std::move(lrs_key)), batch_size_(static_cast<size_t>(std::max(batch_size, 1))), post_(std::move(post)),
      acknowledged_(store.acknowledgedStatements(key_)) {}

void Sender::add(nlohmann::json&& statement) {
    ++report_.total;
    if (acknowledged_.count(statement.at("id").get<std::string>())) {
        ++report_.already;
        return;
    }
    if (!report_.error.empty()) return;  // stopped: counted as not sent
    batch_.push_back(std::move(statement));
    if (batch_.size() >= batch_size_) flush();
}

void Sender::flush() {
    if (batch_.empty() || !report_.error.empty()) return;
    ++report_.batches;
    const PostResult result = post_(batch_);
    if (!result.ok) {
        report_.error = result.error;
        batch_.clear();
        return;
    }
    std::vector<std::string> ids;
    for (const auto& st : batch_) ids.push_back(st.at("id").get<std::string>());
    store_.markAcknowledged(key_, ids);
    report_.sent += static_cast<int>(ids.size());
    batch_.clear();
}

SendReport Sender::finish() {
    flush();
    return report_;
}

SendReport send(Store& store, const std::string& lrs_key, const std::vector<nlohmann::json>& statements, int batch_size,
                const Poster& post) {
    Sender sender(store, lrs_key, batch_size, post);
    for (auto statement : statements) sender.add(std::move(statement));
    return sender.finish();
}

}  // namespace frontline::lrs
