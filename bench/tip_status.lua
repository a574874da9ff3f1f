-- POST a status lookup with a valid tracking number and passphrase (from the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"tracking_number":"' .. os.getenv("TIP_TRACKING") .. '","passphrase":"' .. os.getenv("TIP_PASSPHRASE") .. '"}'
dofile("bench/percentiles.lua")
