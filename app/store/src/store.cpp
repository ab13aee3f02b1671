// The Store handle: what does not depend on the engine, and the choice of engine from a locator.
#include <fstream>
#include "frontline/store.hpp"

namespace frontline {

Store::Store(std::unique_ptr<StoreBackend> backend) : backend_(std::move(backend)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

void Store::checkIntegrity() const {
    if (std::string problem = integrityProblem(); !problem.empty()) throw StoreError(StoreError::Kind::Corrupt, problem);
}

std::optional<Store> Store::openReader() const {
    if (auto another = backend_->openReader()) return Store(std::move(another));
    const std::string where = locator();
    if (isServerLocator(where) || where == ":memory:") return std::nullopt;
    // A reader needs no whole-file check: the window's own connection ran it (or runs it) already.
    return Store::open(where, StoreOptions(5000, false));
}

Store::Batch::Batch(Store& store, bool relaxed) : backend_(store.backend_.get()) { backend_->beginBatch(relaxed); }

Store::Batch::~Batch() {
    if (!done_) backend_->rollbackBatch();
}

nlohmann::json Store::settingOverrides() const {
    const std::map<std::string, std::string> stored = backend_->storedSettings();
    nlohmann::json out = nlohmann::json::object();
    for (const auto& spec : settingSpecs()) {
        const auto found = stored.find(spec.key);
        if (found == stored.end()) continue;
        nlohmann::json value = nlohmann::json::parse(found->second, nullptr, /*allow_exceptions=*/false);
        if (!value.is_discarded() && !settingValueProblem(spec, value)) out[spec.key] = std::move(value);
    }
    return out;
}

void Store::setSettings(const nlohmann::json& values) {
    if (!values.is_object()) throw std::invalid_argument("settings to set must be a JSON object");
    for (const auto& [key, value] : values.items()) {
        const SettingSpec* spec = settingSpec(key);
        if (!spec) throw std::invalid_argument("unknown setting '" + key + "'");
        if (auto problem = settingValueProblem(*spec, value)) throw std::invalid_argument(*problem);
    }
    backend_->changeSettings(values, {});
}

void Store::resetSettings(const std::vector<std::string>& keys) {
    if (!keys.empty()) {
        backend_->changeSettings(nlohmann::json::object(), keys);
        return;
    }
    std::vector<std::string> all;
    for (const auto& stored : backend_->storedSettings()) all.push_back(stored.first);  // unknown keys too
    if (!all.empty()) backend_->changeSettings(nlohmann::json::object(), all);
}

void Store::saveSettingChanges(const OrgSettings& edited, const OrgSettings& shown) {
    const nlohmann::json now = settingsToJson(edited), before = settingsToJson(shown);
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [key, value] : now.items())
        if (!before.contains(key) || before[key] != value) changed[key] = value;
    if (!changed.empty()) setSettings(changed);
}

void Store::Batch::commit() {
    backend_->commitBatch();
    done_ = true;
}

}  // namespace frontline
