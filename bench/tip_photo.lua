-- POST a public tip as multipart with a 200 kB PNG.
local boundary = "----ipshieldbench"
local photo = io.open("bench/.photo.png", "rb"):read("*a")
local function field(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = field("domain", "trademark") .. field("description", "某商店销售假冒运动鞋，价格明显低于市场价。")
  .. field("address", "北京市朝阳区建国路88号") .. field("target_name", "某某体育用品店") .. field("anonymous", "true")
  .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n"
  .. photo .. "\r\n--" .. boundary .. "--\r\n"
dofile("bench/percentiles.lua")
