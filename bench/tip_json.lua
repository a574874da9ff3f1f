-- POST a public tip as JSON (CAPTCHA off for the benchmark; IPSHIELD_CAPTCHA=off).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"domain":"trademark","description":"某商店销售假冒运动鞋，价格明显低于市场价。","address":"北京市朝阳区建国路88号","target_name":"某某体育用品店","anonymous":true}'
dofile("bench/percentiles.lua")
