#define BOOST_TEST_MODULE troupe_raft_sim
#include <boost/test/unit_test.hpp>
