#define BOOST_TEST_MODULE troupe_integration_tests
#include <boost/test/unit_test.hpp>
