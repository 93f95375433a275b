-- The load of every scenario of bench/speed.sh: a share SPEED_POST_SHARE (0 to 1) of the requests posts a message to
-- SPEED_POST_PATH, the others GET SPEED_READ_PATH, all with the access token SPEED_TOKEN. At the end it prints one
-- line for the script: "speed-result requests duration_us p50_us p99_us status_errors socket_errors", where
-- status_errors are wrk's count of responses with a status of 400 or more.
local token = os.getenv("SPEED_TOKEN")
local read_path = os.getenv("SPEED_READ_PATH")
local post_path = os.getenv("SPEED_POST_PATH")
local post_share = tonumber(os.getenv("SPEED_POST_SHARE") or "0")
local read_request
local post_request

function init(args)
  local authorization = "Bearer " .. token
  if read_path then
    read_request = wrk.format("GET", read_path, { ["Authorization"] = authorization })
  end
  if post_path then
    post_request = wrk.format("POST", post_path,
      { ["Authorization"] = authorization, ["Content-Type"] = "application/json" },
      '{"text": "a message posted by the speed benchmark"}')
  end
end

function request()
  if post_share >= 1 or (post_share > 0 and math.random() < post_share) then
    return post_request
  end
  return read_request
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("speed-result %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
