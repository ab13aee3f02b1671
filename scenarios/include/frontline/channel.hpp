#pragma once
// The channels of SOP §2 (phone, chat, email): what a scenario is played on and what the
// organisation's response-time targets are set for.
#include <optional>
#include <string_view>

namespace frontline {

enum class Channel { Call, Chat, Email };
const char* channelName(Channel c);  // "call" | "chat" | "email"
std::optional<Channel> channelFromName(std::string_view name);

}  // namespace frontline
